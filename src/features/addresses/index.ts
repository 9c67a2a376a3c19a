/** The addresses feature's public entry: the address form, which checkout also shows. */
export { AddressForm } from "./address-form";
