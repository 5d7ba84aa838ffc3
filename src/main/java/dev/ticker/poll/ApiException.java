package dev.ticker.poll;

import dev.ticker.wire.ServerMessage;

import jakarta.ws.rs.core.Response.Status;

/**
 * A request the API refuses, with the status and the error body the client gets.
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Status status;
    private final transient ServerMessage.Error error;

    ApiException(Status status, ServerMessage.Error error) {
        super(error.message(), null, false, false);
        this.status = status;
        this.error = error;
    }

    Status status() {
        return status;
    }

    ServerMessage.Error error() {
        return error;
    }
}
