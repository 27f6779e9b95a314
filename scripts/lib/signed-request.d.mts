export declare function signedRequest(
  path: string,
  storeId: string,
  secret: string,
  text: string,
  options?: { timestamp?: number; origin?: string },
): Promise<Response>;
