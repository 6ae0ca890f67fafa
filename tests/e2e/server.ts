export { startServer, type Route, type TestServer } from '../../scripts/serve.mjs';
