export declare const packageRoot: string;
export declare const specPath: string;
type Outputs = { schema: string; bundle: string; controlSchema: string; controlBundle: string };
export declare const outputs: Outputs;
export declare function generate(): Promise<Outputs>;
