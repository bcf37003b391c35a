/** The Parley terminal client: an IRC client core ({@code core}) and the JLine UI on it ({@code tui}). */
package dev.parley.client;
