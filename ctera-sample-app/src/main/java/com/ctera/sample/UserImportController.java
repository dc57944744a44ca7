package com.ctera.sample;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.ctera.client.bulk.BulkItemResult;
import com.ctera.client.bulk.BulkJob;
import com.ctera.client.bulk.BulkListener;
import com.ctera.client.bulk.BulkOptions;
import com.ctera.client.bulk.BulkProgress;
import com.ctera.client.bulk.BulkResult;
import com.ctera.client.bulk.CsvProblem;
import com.ctera.client.bulk.CteraBulk;
import com.ctera.client.bulk.FailurePolicy;
import com.ctera.client.bulk.ItemOutcome;
import com.ctera.client.bulk.UserCsvException;
import com.ctera.client.bulk.UserCsvReader;

/**
 * Imports users from an uploaded CSV file into the primary portal and streams the job as server-sent events:
 * {@code progress} events while it runs, then one {@code result} event naming each item that did not succeed. A file
 * with a bad row gets one {@code invalid} event listing every problem by line, and nothing is sent to the portal.
 */
@RestController
class UserImportController {

    /** The largest CSV upload accepted. */
    private static final int MAX_BYTES = 8 * 1024 * 1024;

    private final CteraBulk bulk;

    UserImportController(CteraBulk bulk) {
        this.bulk = bulk;
    }

    /**
     * {@code POST /users/import} with a multipart {@code file}; {@code on-failure} is continue, abort or rollback.
     */
    @PostMapping(path = "/users/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> importUsers(@RequestPart("file") Mono<FilePart> file,
            @RequestParam(name = "on-failure", defaultValue = "continue") String onFailure,
            @RequestParam(name = "concurrency", defaultValue = "8") int concurrency) {
        BulkOptions options = this.bulk.executor().options().withFailurePolicy(FailurePolicy.fromName(onFailure))
            .withMaxConcurrency(concurrency);
        return file.flatMap(part -> DataBufferUtils.join(part.content(), MAX_BYTES)
            .map(buffer -> {
                try {
                    return buffer.toString(StandardCharsets.UTF_8);
                }
                finally {
                    DataBufferUtils.release(buffer);
                }
            })
            .map(text -> UserCsvReader.standard().read(new StringReader(text), part.filename())))
            .flatMapMany(users -> {
                BulkJob job = this.bulk.users().create(users, options, BulkListener.NONE);
                Flux<ServerSentEvent<Object>> progress = job.progress()
                    .filter(snapshot -> snapshot.phase() != BulkProgress.Phase.FINISHED)
                    .map(snapshot -> event("progress", snapshot));
                return progress.concatWith(job.result().map(result -> event("result", ImportResult.of(result))));
            })
            .onErrorResume(UserCsvException.class,
                    invalid -> Flux.just(event("invalid", describe(invalid.problems()))));
    }

    private static ServerSentEvent<Object> event(String name, Object data) {
        return ServerSentEvent.builder(data).event(name).build();
    }

    /**
     * The end of an import: the final counts, and each item that did not succeed with why.
     * @param counts the job's final counts
     * @param problems items that failed, were skipped, or were rolled back
     */
    record ImportResult(BulkProgress counts, List<ItemProblem> problems) {

        static ImportResult of(BulkResult result) {
            List<ItemProblem> problems = result.items().stream()
                .filter(item -> item.outcome() != ItemOutcome.SUCCEEDED)
                .map(ItemProblem::of)
                .toList();
            return new ImportResult(result.counts(), problems);
        }
    }

    /**
     * One user that was not created, or created and removed again.
     * @param user the user's name
     * @param outcome how its item ended
     * @param reason the error or note, when there is one
     */
    record ItemProblem(String user, ItemOutcome outcome, String reason) {

        static ItemProblem of(BulkItemResult item) {
            Throwable cause = (item.rollbackError() != null) ? item.rollbackError() : item.error();
            String reason = (cause != null) ? String.valueOf(cause.getMessage())
                    : (item.note() != null) ? item.note() : "";
            return new ItemProblem(item.id(), item.outcome(), reason);
        }
    }

    /** Names CSV problems for the {@code invalid} event. */
    static List<String> describe(List<CsvProblem> problems) {
        return problems.stream().map(CsvProblem::toString).toList();
    }
}
