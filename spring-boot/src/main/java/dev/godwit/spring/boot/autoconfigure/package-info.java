/**
 * Spring Boot auto-configuration for Godwit: the startup check, the runner of the application's
 * migrations, the {@code godwit} actuator endpoint and health indicator, and Micrometer metrics.
 * Uses only the runtime's API ({@code dev.godwit.runtime}).
 */
package dev.godwit.spring.boot.autoconfigure;
