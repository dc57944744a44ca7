package com.ctera.client.protocol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.ctera.client.CteraPage;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Paging fetches a page only when its consumer needs it, and never loops on a portal that misreports hasMore. */
class PagingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** A portal holding items 0..total-1 that records every startFrom it is asked for. */
    private static final class FakePortal {

        private final int total;

        private final int pageSize;

        final List<Integer> starts = Collections.synchronizedList(new ArrayList<>());

        FakePortal(int total, int pageSize) {
            this.total = total;
            this.pageSize = pageSize;
        }

        CteraPage<Integer> page(int startFrom) {
            this.starts.add(startFrom);
            int end = Math.min(startFrom + this.pageSize, this.total);
            List<Integer> items = IntStream.range(Math.min(startFrom, end), end).boxed().toList();
            return new CteraPage<>(items, end < this.total);
        }

        Mono<CteraPage<Integer>> pageMono(int startFrom) {
            return Mono.fromCallable(() -> page(startFrom));
        }
    }

    @Test
    void fluxFetchesNothingUntilRequestedAndEachPageOnlyWhenTheLastOneIsUsedUp() {
        FakePortal portal = new FakePortal(10, 3);
        StepVerifier.create(Paging.flux(portal::pageMono, 3), 0)
            .then(() -> assertThat(portal.starts).isEmpty())
            .thenRequest(1)
            .expectNext(0)
            .then(() -> assertThat(portal.starts).containsExactly(0))
            .thenRequest(2)
            .expectNext(1, 2)
            .then(() -> assertThat(portal.starts).containsExactly(0))
            .thenRequest(1)
            .expectNext(3)
            .then(() -> assertThat(portal.starts).containsExactly(0, 3))
            .thenRequest(Long.MAX_VALUE)
            .expectNext(4, 5, 6, 7, 8, 9)
            .expectComplete()
            .verify(TIMEOUT);
        assertThat(portal.starts).containsExactly(0, 3, 6, 9);
    }

    @Test
    void takeFetchesOnlyThePagesItNeeds() {
        FakePortal portal = new FakePortal(1_000, 50);
        assertThat(Paging.flux(portal::pageMono, 50).take(50).collectList().block(TIMEOUT)).hasSize(50);
        assertThat(portal.starts).containsExactly(0);

        portal.starts.clear();
        assertThat(Paging.flux(portal::pageMono, 50).take(51).collectList().block(TIMEOUT)).hasSize(51);
        assertThat(portal.starts).containsExactly(0, 50);
    }

    @Test
    void fluxDeliversEveryItemInOrderWhenPagesArriveOnOtherThreads() {
        FakePortal portal = new FakePortal(1_000, 100);
        IntFunction<Mono<CteraPage<Integer>>> async = start -> portal.pageMono(start)
            .subscribeOn(Schedulers.boundedElastic());
        List<Integer> items = Paging.flux(async, 100).limitRate(7).collectList().block(TIMEOUT);
        assertThat(items).containsExactlyElementsOf(IntStream.range(0, 1_000).boxed().toList());
        assertThat(portal.starts).containsExactly(0, 100, 200, 300, 400, 500, 600, 700, 800, 900);
    }

    @Test
    void aShortPageWithMoreStillContinuesAtStartFromPlusPageSize() {
        List<Integer> starts = new ArrayList<>();
        IntFunction<Mono<CteraPage<String>>> fetch = start -> {
            starts.add(start);
            return Mono.just((start == 0) ? new CteraPage<>(List.of("a"), true) : new CteraPage<>(List.of("b"), false));
        };
        StepVerifier.create(Paging.flux(fetch, 50)).expectNext("a", "b").expectComplete().verify(TIMEOUT);
        assertThat(starts).containsExactly(0, 50);
    }

    @Test
    void anEmptyPageClaimingMoreEndsTheFluxWithAProtocolError() {
        List<Integer> starts = new ArrayList<>();
        IntFunction<Mono<CteraPage<String>>> fetch = start -> {
            starts.add(start);
            return Mono.just((start == 0) ? new CteraPage<>(List.of("a"), true) : new CteraPage<String>(List.of(), true));
        };
        StepVerifier.create(Paging.flux(fetch, 1))
            .expectNext("a")
            .expectErrorSatisfies(error -> assertThat(error)
                .isInstanceOf(MalformedXmlException.class)
                .hasMessageContaining("startFrom=1")
                .hasMessageContaining("empty page with hasMore=true"))
            .verify(TIMEOUT);
        assertThat(starts).containsExactly(0, 1);
    }

    @Test
    void fetchFailuresAndMissingAnswersEndTheFlux() {
        IllegalStateException failure = new IllegalStateException("portal down");
        StepVerifier.create(Paging.flux(start -> Mono.<CteraPage<String>>error(failure), 10))
            .expectErrorSatisfies(error -> assertThat(error).isSameAs(failure))
            .verify(TIMEOUT);
        StepVerifier.create(Paging.flux(start -> Mono.<CteraPage<String>>empty(), 10))
            .expectError(MalformedXmlException.class)
            .verify(TIMEOUT);
        StepVerifier.create(Paging.<String>flux(start -> {
            throw failure;
        }, 10))
            .expectErrorSatisfies(error -> assertThat(error).isSameAs(failure))
            .verify(TIMEOUT);
    }

    @Test
    void cancellingDisposesTheFetchInFlight() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Flux<String> flux = Paging.flux(start -> Mono.<CteraPage<String>>never().doOnCancel(() -> cancelled.set(true)), 10);
        Disposable subscription = flux.subscribe();
        assertThat(cancelled).isFalse();
        subscription.dispose();
        assertThat(cancelled).isTrue();
    }

    @Test
    void streamFetchesNothingUntilTheFirstElementIsPulled() {
        FakePortal portal = new FakePortal(10, 3);
        Stream<Integer> stream = Paging.stream(portal::page, 3).map(item -> item * 2).filter(item -> item >= 0);
        assertThat(portal.starts).isEmpty();
        Iterator<Integer> iterator = stream.iterator();
        assertThat(portal.starts).isEmpty();
        assertThat(iterator.next()).isZero();
        assertThat(portal.starts).containsExactly(0);
        iterator.next();
        iterator.next();
        assertThat(portal.starts).containsExactly(0);
        assertThat(iterator.next()).isEqualTo(6);
        assertThat(portal.starts).containsExactly(0, 3);
    }

    @Test
    void streamLimitFetchesOnlyThePagesItNeeds() {
        FakePortal portal = new FakePortal(1_000, 50);
        assertThat(Paging.stream(portal::page, 50).limit(50).toList()).hasSize(50);
        assertThat(portal.starts).containsExactly(0);
        portal.starts.clear();
        assertThat(Paging.stream(portal::page, 50).limit(51).toList()).hasSize(51);
        assertThat(portal.starts).containsExactly(0, 50);
    }

    @Test
    void streamReadsEveryPageToTheEnd() {
        FakePortal portal = new FakePortal(10, 4);
        assertThat(Paging.stream(portal::page, 4).toList()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(portal.starts).containsExactly(0, 4, 8);
        assertThat(Paging.stream(start -> CteraPage.<String>empty(), 4).count()).isZero();
    }

    @Test
    void anEmptyPageClaimingMoreEndsTheStreamWithAProtocolError() {
        List<Integer> starts = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        Stream<String> stream = Paging.stream(start -> {
            starts.add(start);
            return (start == 0) ? new CteraPage<>(List.of("a"), true) : new CteraPage<String>(List.of(), true);
        }, 25);
        assertThatThrownBy(() -> stream.forEach(seen::add))
            .isInstanceOf(MalformedXmlException.class)
            .hasMessageContaining("startFrom=25");
        assertThat(seen).containsExactly("a");
        assertThat(starts).containsExactly(0, 25);
    }

    @Test
    void pageSizeMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> Paging.flux(start -> Mono.empty(), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> Paging.stream(start -> CteraPage.empty(), -1));
    }

    @Test
    void startFromNeverWrapsAround() {
        assertThat(Paging.nextStart(0, 50)).isEqualTo(50);
        assertThatThrownBy(() -> Paging.nextStart(Integer.MAX_VALUE - 10, 50))
            .isInstanceOf(MalformedXmlException.class);
    }
}
