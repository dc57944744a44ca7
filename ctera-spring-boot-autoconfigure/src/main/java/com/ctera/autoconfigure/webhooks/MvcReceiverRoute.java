package com.ctera.autoconfigure.webhooks;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/** The receiver as an MVC route: the raw body is read as bytes, so the signature covers what was sent. */
final class MvcReceiverRoute {

    private MvcReceiverRoute() {
    }

    static RouterFunction<ServerResponse> of(String path, CteraWebhookReceiver receiver) {
        return RouterFunctions.route()
            .POST(path, request -> {
                byte[] body = request.servletRequest().getInputStream().readAllBytes();
                CteraWebhookReceiver.Answer answer = receiver.receive(name -> request.headers().firstHeader(name),
                        body);
                return ServerResponse.status(answer.status()).contentType(MediaType.TEXT_PLAIN)
                    .body(answer.message());
            })
            .build();
    }
}
