/** The project id the rules suites use, apart from the functions and browser suites' one. */
export const PROJECT_ID = 'demo-comptoir-rules';
