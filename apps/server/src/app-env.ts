/** Variables the middleware sets on each request's context. */
export interface AppEnv {
  Variables: {
    traceId: string;
  };
}
