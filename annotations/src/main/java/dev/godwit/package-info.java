/** Godwit's annotations. */
package dev.godwit;
