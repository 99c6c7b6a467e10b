package dev.godwit.processor.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * The real Hibernate ORM over a test database, configured as Spring Boot configures it (its
 * snake_case physical naming strategy), creating the clinic's tables and schema from the entities.
 */
final class Orm implements AutoCloseable {

  private final EntityManagerFactory factory;

  Orm(DataSource dataSource) {
    StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
        .applySetting(AvailableSettings.DATASOURCE, dataSource)
        .applySetting(AvailableSettings.HBM2DDL_AUTO, "create-only")
        .applySetting(AvailableSettings.HBM2DDL_CREATE_NAMESPACES, true)
        .applySetting(AvailableSettings.PHYSICAL_NAMING_STRATEGY,
            CamelCaseToUnderscoresNamingStrategy.class.getName())
        .build();
    factory = new MetadataSources(registry)
        .addAnnotatedClass(PetType.class)
        .addAnnotatedClass(Owner.class)
        .addAnnotatedClass(Pet.class)
        .addAnnotatedClass(Visit.class)
        .buildMetadata()
        .buildSessionFactory();
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
