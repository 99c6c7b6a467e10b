/**
 * The parts of Godwit's auto-configuration written against Spring Boot 4's moved APIs; only
 * loaded on Spring Boot 4.
 */
package dev.godwit.spring.boot.autoconfigure.boot4;
