// Stands for node-fetch and sync-fetch in the bundles: citation-js only fetches for inputs
// Marginalia never gives it (DOIs, URLs), and Marginalia makes no network requests.
function noFetch() {
  throw new Error('Marginalia makes no network requests');
}
class Headers {}
noFetch.Headers = Headers;
export default noFetch;
export { Headers };
