package dev.godwit.benchmarks;

import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.database.JdbcBatchItemWriter;
import org.springframework.batch.item.database.JdbcPagingItemReader;
import org.springframework.batch.item.database.Order;
import org.springframework.batch.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Spring Batch's chunk-oriented step as its documentation builds it: a {@link JdbcPagingItemReader}
 * (keyset pages on the primary key), an item processor computing the value in Java, a
 * {@link JdbcBatchItemWriter}, one transaction per chunk, and an in-memory job repository.
 *
 * @param batchSize the chunk size, also the reader's page size
 */
record SpringBatchStrategy(int batchSize) implements Strategy {

  /** One row's new value. */
  private record Change(long id, Object value) {}

  @Override
  public String name() {
    return "Spring Batch, chunk " + batchSize;
  }

  @Override
  public Kind kind() {
    return Kind.SPRING_BATCH;
  }

  @Override
  public long run(BenchDatabase database, Backfill backfill, long upTo) throws Exception {
    JobRepository repository = new ResourcelessJobRepository();
    JdbcTransactionManager transactions = new JdbcTransactionManager(database.pool());
    JdbcPagingItemReader<Team> reader = new JdbcPagingItemReaderBuilder<Team>()
        .name("teams")
        .dataSource(database.pool())
        .selectClause(backfill.readColumns())
        .fromClause("teams")
        .whereClause(backfill.column() + " IS NULL AND id <= " + upTo)
        .sortKeys(Map.of("id", Order.ASCENDING))
        .pageSize(batchSize)
        .rowMapper((resultSet, rowNumber) -> backfill.read(resultSet))
        .build();
    reader.afterPropertiesSet();
    JdbcBatchItemWriter<Change> writer = new JdbcBatchItemWriterBuilder<Change>()
        .dataSource(database.pool())
        .sql(backfill.updateById())
        .itemPreparedStatementSetter((change, statement) -> {
          statement.setObject(1, change.value());
          statement.setLong(2, change.id());
        })
        .build();
    writer.afterPropertiesSet();
    Step step = new StepBuilder("backfill-" + backfill.column(), repository)
        .<Team, Change>chunk(batchSize, transactions)
        .reader(reader)
        .processor(team -> new Change(team.id(), backfill.value(team)))
        .writer(writer)
        .build();
    Job job = new JobBuilder("backfill-" + backfill.column(), repository).start(step).build();
    TaskExecutorJobLauncher launcher = new TaskExecutorJobLauncher();
    launcher.setJobRepository(repository);
    launcher.afterPropertiesSet();
    JobExecution execution = launcher.run(job,
        new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters());
    if (execution.getStatus() != BatchStatus.COMPLETED) {
      throw new IllegalStateException("Spring Batch's job ended " + execution.getStatus() + ": "
          + execution.getAllFailureExceptions());
    }
    return execution.getStepExecutions().stream().mapToLong(StepExecution::getWriteCount).sum();
  }
}
