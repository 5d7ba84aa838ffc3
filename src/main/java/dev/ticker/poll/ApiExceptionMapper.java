package dev.ticker.poll;

import dev.ticker.wire.WireCodec;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Turns a refused request into its status and JSON error body.
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    private final WireCodec codec = new WireCodec();

    @Override
    public Response toResponse(ApiException exception) {
        return Response.status(exception.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(codec.encode(exception.error()))
                .build();
    }
}
