// Stands in for react-devtools-core in the bundle: Ink only connects to React DevTools when started
// with DEV=true, which the shipped lab never is, and the real package is not a dependency.
export default {
  initialize(): void {},
  connectToDevTools(): void {},
};
