package dev.godwit.example.spring;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads teams through the entity: new code writes both formats and reads the plan
 * through the generated dual read, so every answer is right whether or not the row is migrated.
 */
@RestController
@RequestMapping("/teams")
public class TeamController {

  private final TeamRepository teams;

  /**
   * The controller.
   *
   * @param teams the repository
   */
  public TeamController(TeamRepository teams) {
    this.teams = teams;
  }

  /**
   * What a client sends and reads.
   *
   * @param id the team's id (ignored when sent)
   * @param name its name
   * @param plan its plan
   */
  public record TeamView(Long id, String name, Plan plan) {
    static TeamView of(Team team) {
      return new TeamView(team.getId(), team.getName(), TeamDualRead.plan(team));
    }
  }

  /**
   * Creates a team.
   *
   * @param body its name and plan
   * @return the team as saved
   */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public TeamView create(@RequestBody TeamView body) {
    return TeamView.of(teams.save(new Team(body.name(), body.plan())));
  }

  /**
   * Changes a team's plan.
   *
   * @param id the team
   * @param body the new plan
   * @return the team as saved
   */
  @PutMapping("/{id}")
  @Transactional
  public TeamView update(@PathVariable long id, @RequestBody TeamView body) {
    Team team = find(id);
    team.changePlan(body.plan());
    return TeamView.of(teams.save(team));
  }

  /**
   * Reads a team.
   *
   * @param id the team
   * @return the team, with its plan read through the dual read
   */
  @GetMapping("/{id}")
  public TeamView read(@PathVariable long id) {
    return TeamView.of(find(id));
  }

  private Team find(long id) {
    return teams.findById(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no team " + id));
  }
}
