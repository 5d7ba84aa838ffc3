package dev.ticker.standalone;

import jakarta.enterprise.inject.spi.BeanManager;
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
 *
 * <p>One {@link Unmanaged} per endpoint class, not per session: building one resolves the class's injection target
 * (about a dozen Weld objects), which each open session would otherwise keep until it closes.
 */
public final class CdiEndpointProvider extends ComponentProvider {

    private final Map<Object, Unmanaged.UnmanagedInstance<?>> instances = new ConcurrentHashMap<>();
    private final Map<Class<?>, Target<?>> targets = new ConcurrentHashMap<>();

    /** An endpoint class's injection target, valid for the container whose bean manager built it. */
    private record Target<T>(BeanManager manager, Unmanaged<T> unmanaged) {
    }

    @Override
    public boolean isApplicable(Class<?> type) {
        return type.isAnnotationPresent(ServerEndpoint.class);
    }

    @Override
    public <T> Object create(Class<T> type) {
        Unmanaged.UnmanagedInstance<T> instance = unmanaged(type).newInstance().produce().inject().postConstruct();
        T endpoint = instance.get();
        instances.put(endpoint, instance);
        return endpoint;
    }

    @SuppressWarnings("unchecked")
    private <T> Unmanaged<T> unmanaged(Class<T> type) {
        BeanManager manager = CDI.current().getBeanManager();
        // A container restarted in the same JVM has a new bean manager: the old target would inject stale beans.
        Target<?> target = targets.compute(type, (key, cached) -> cached != null && cached.manager().equals(manager)
                ? cached : new Target<>(manager, new Unmanaged<>(manager, type)));
        return (Unmanaged<T>) target.unmanaged();
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
