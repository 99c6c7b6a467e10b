package dev.godwit.example.spring;

import org.springframework.data.jpa.repository.JpaRepository;

/** The teams, through Spring Data JPA. */
public interface TeamRepository extends JpaRepository<Team, Long> {}
