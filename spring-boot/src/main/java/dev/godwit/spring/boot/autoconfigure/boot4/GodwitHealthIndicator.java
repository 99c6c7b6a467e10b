package dev.godwit.spring.boot.autoconfigure.boot4;

import dev.godwit.spring.boot.autoconfigure.GodwitReadiness;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Godwit's health on Spring Boot 4 (whose health API moved to {@code
 * org.springframework.boot.health}), named {@code godwit}: what {@link GodwitReadiness} reports.
 * Meant for the readiness group only
 * ({@code management.endpoint.health.group.readiness.include=readinessState,godwit}).
 */
public class GodwitHealthIndicator extends AbstractHealthIndicator {

  private final GodwitReadiness readiness;

  /**
   * The indicator.
   *
   * @param readiness what to report
   */
  public GodwitHealthIndicator(GodwitReadiness readiness) {
    super("Godwit health check failed");
    this.readiness = readiness;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.withDetails(readiness.details());
    if (readiness.isUp()) {
      builder.up();
    } else {
      builder.down();
    }
  }
}
