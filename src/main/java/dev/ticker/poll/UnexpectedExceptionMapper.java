package dev.ticker.poll;

import dev.ticker.wire.ErrorCode;
import dev.ticker.wire.ServerMessage;
import dev.ticker.wire.WireCodec;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A fault of ours: logged here with its stack trace, answered with a 500 and a JSON body that reveals nothing.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    private final WireCodec codec = new WireCodec();

    @Override
    public Response toResponse(RuntimeException exception) {
        LOG.log(Level.SEVERE, "HTTP API request failed", exception);
        return Response.serverError()
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(codec.encode(new ServerMessage.Error(ErrorCode.INTERNAL, "internal server error")))
                .build();
    }
}
