package dev.godwit.example.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The example Spring Boot application: teams over HTTP, Flyway for DDL, Godwit for the data. */
@SpringBootApplication
public class TeamsApplication {

  /**
   * Starts the application.
   *
   * @param args Spring Boot's arguments
   */
  public static void main(String[] args) {
    SpringApplication.run(TeamsApplication.class, args);
  }
}
