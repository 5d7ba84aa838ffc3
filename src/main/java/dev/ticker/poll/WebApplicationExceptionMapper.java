package dev.ticker.poll;

import dev.ticker.wire.ErrorCode;
import dev.ticker.wire.ServerMessage;
import dev.ticker.wire.WireCodec;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;

/**
 * Gives the JAX-RS runtime's own refusals (unknown path, wrong method, unacceptable media type) the same JSON error
 * body as ours, keeping their status and headers (such as {@code Allow}).
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private final WireCodec codec = new WireCodec();

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        ErrorCode code = switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.INVALID_PARAMETER;
        };
        String message = status >= 500 ? "internal server error" : original.getStatusInfo().getReasonPhrase();
        return Response.fromResponse(original)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(codec.encode(new ServerMessage.Error(code, message.toLowerCase(Locale.ROOT))))
                .build();
    }
}
