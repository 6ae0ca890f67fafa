declare module 'virtual:gloss/rules' {
  const rules: import('../utils/analyze/rules').RuleSet[];
  export default rules;
}
declare module 'virtual:gloss/notes' {
  const notes: import('../utils/dataset/compile').CompiledDataset;
  export default notes;
}
declare module 'virtual:gloss/ratings' {
  const ratings: import('../utils/dataset/ratings').RatingsFile | null;
  export default ratings;
}
