package dev.ticker.standalone;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.Unmanaged;
import jakarta.websocket.server.ServerEndpoint;

import org.glassfish.tyrus.core.ComponentProvider;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets standalone Tyrus create endpoint instances through CDI (Weld SE), so the same annotated endpoint gets its
 * injection here as on an application server, without a configurator on the annotation. Registered through
 * {@code META-INF/services}; Tyrus calls {@link #destroy} when the session ends.
 */
public final class CdiEndpointProvider extends ComponentProvider {

    private final Map<Object, Unmanaged.UnmanagedInstance<?>> instances = new ConcurrentHashMap<>();

    @Override
    public boolean isApplicable(Class<?> type) {
        return type.isAnnotationPresent(ServerEndpoint.class);
    }

    @Override
    public <T> Object create(Class<T> type) {
        Unmanaged.UnmanagedInstance<T> instance =
                new Unmanaged<>(CDI.current().getBeanManager(), type).newInstance().produce().inject().postConstruct();
        T endpoint = instance.get();
        instances.put(endpoint, instance);
        return endpoint;
    }

    @Override
    public boolean destroy(Object endpoint) {
        Unmanaged.UnmanagedInstance<?> instance = instances.remove(endpoint);
        if (instance == null) {
            return false;
        }
        instance.preDestroy().dispose();
        return true;
    }
}
