import { createContext, useContext } from "react";

// The CSP nonce reaches the document only on the server; browsers hide it from scripts, so
// the client renders with an empty one.
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
