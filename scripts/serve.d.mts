export interface Route {
  file: string;
  headers?: Record<string, string>;
}
export interface TestServer {
  port: number;
  /** Every request the server saw, as "host/path". */
  requests: string[];
  close(): Promise<void>;
}
export function startServer(routes: Record<string, Route | string>): Promise<TestServer>;
