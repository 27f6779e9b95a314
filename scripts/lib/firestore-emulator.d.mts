export declare class EmulatorSetupError extends Error {}
export declare function firestoreEmulatorEnv(): Record<string, string>;
export declare function firestoreEmulatorJar(): string;
export declare function assertJava(): void;
