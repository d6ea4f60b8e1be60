export declare const packageRoot: string;
export declare const specPath: string;
export declare const outputs: { schema: string; bundle: string };
export declare function generate(): Promise<{ schema: string; bundle: string }>;
