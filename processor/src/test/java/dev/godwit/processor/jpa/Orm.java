package dev.godwit.processor.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * The real Hibernate ORM over a test database, creating the tables and schemas of some entities.
 */
final class Orm implements AutoCloseable {

  private final EntityManagerFactory factory;

  private Orm(DataSource dataSource, boolean springNaming, List<Class<?>> entities) {
    StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder()
        .applySetting(AvailableSettings.DATASOURCE, dataSource)
        .applySetting(AvailableSettings.HBM2DDL_AUTO, "create-only")
        .applySetting(AvailableSettings.HBM2DDL_CREATE_NAMESPACES, true)
        // a column named lines or rank is a reserved word on MariaDB: quote such names
        .applySetting(AvailableSettings.KEYWORD_AUTO_QUOTING_ENABLED, true);
    if (springNaming) {
      settings.applySetting(AvailableSettings.PHYSICAL_NAMING_STRATEGY,
          CamelCaseToUnderscoresNamingStrategy.class.getName());
    }
    StandardServiceRegistry registry = settings.build();
    MetadataSources sources = new MetadataSources(registry);
    entities.forEach(sources::addAnnotatedClass);
    factory = sources.buildMetadata().buildSessionFactory();
  }

  /** The clinic's entities, with Spring Boot's snake_case physical naming strategy. */
  static Orm clinic(DataSource dataSource) {
    return new Orm(dataSource, true, List.of(PetType.class, Owner.class, Pet.class, Visit.class));
  }

  /** Some entities, with Spring Boot's snake_case physical naming strategy. */
  static Orm springNamed(DataSource dataSource, Class<?>... entities) {
    return new Orm(dataSource, true, List.of(entities));
  }

  /** Some entities, with Hibernate's own naming: every name as declared. */
  static Orm plain(DataSource dataSource, Class<?>... entities) {
    return new Orm(dataSource, false, List.of(entities));
  }

  /** Runs work in one transaction, committed at the end. */
  void inTransaction(Consumer<EntityManager> work) {
    transaction(manager -> {
      work.accept(manager);
      return null;
    });
  }

  /** Runs work in one transaction, committed at the end, and returns what it gives. */
  <R> R transaction(Function<EntityManager, R> work) {
    EntityManager manager = factory.createEntityManager();
    try {
      manager.getTransaction().begin();
      R result = work.apply(manager);
      manager.getTransaction().commit();
      return result;
    } finally {
      if (manager.getTransaction().isActive()) {
        manager.getTransaction().rollback();
      }
      manager.close();
    }
  }

  EntityManager entityManager() {
    return factory.createEntityManager();
  }

  @Override
  public void close() {
    factory.close();
  }
}
