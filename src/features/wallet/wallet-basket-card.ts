/** The frame of each part of a wallet basket page (picker, address, lines). */

export const card = "rounded-card border border-border bg-surface-raised p-4 shadow-card md:p-5";
