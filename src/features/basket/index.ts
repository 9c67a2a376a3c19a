/** The basket feature's public entry: the basket query and adding to it, for other pages. */
export { basketKeys, basketQueryOptions, useAddToBasket } from "./basket-queries";
