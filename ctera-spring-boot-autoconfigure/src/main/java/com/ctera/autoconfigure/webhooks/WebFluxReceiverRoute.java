package com.ctera.autoconfigure.webhooks;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The receiver as a WebFlux route: the raw body is read as bytes, so the signature covers what was sent. */
final class WebFluxReceiverRoute {

    private WebFluxReceiverRoute() {
    }

    static RouterFunction<ServerResponse> of(String path, CteraWebhookReceiver receiver) {
        return RouterFunctions.route()
            .POST(path, request -> request.bodyToMono(byte[].class)
                .defaultIfEmpty(new byte[0])
                .map(body -> receiver.receive(name -> request.headers().firstHeader(name), body))
                .flatMap(answer -> ServerResponse.status(answer.status()).contentType(MediaType.TEXT_PLAIN)
                    .bodyValue(answer.message())))
            .build();
    }
}
