package dev.ticker.servlet;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.server.ServerContainer;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.logging.Logger;

/**
 * Makes Tomcat inject WebSocket endpoints through CDI. Tomcat hands every endpoint instance to its WebSocket
 * container's {@code InstanceManager} for injection, but that container took the webapp's instance manager when it
 * started, before Weld replaced it with one that also does CDI injection (Weld's Tomcat integration covers
 * servlets, filters and listeners only). Weld is up once listeners run, so this listener gives the WebSocket
 * container the webapp's current instance manager. The endpoints, their paths and their configurator stay exactly as
 * annotated. Reflection, as in Weld's own Tomcat integration, because these are Tomcat internals; on any other
 * container (Jetty, whose WebSocket container asks its CDI decorator) it does nothing.
 */
@WebListener
public class TomcatEndpointInjection implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(TomcatEndpointInjection.class.getName());
    private static final String TOMCAT_PACKAGE = "org.apache.tomcat.";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext servletContext = event.getServletContext();
        Object webSockets = servletContext.getAttribute(ServerContainer.class.getName());
        if (webSockets == null || !webSockets.getClass().getName().startsWith(TOMCAT_PACKAGE)) {
            return;
        }
        try {
            // ApplicationContextFacade -> ApplicationContext -> StandardContext, whose instance manager Weld replaced.
            Object standardContext = field(field(servletContext, "context"), "context");
            Object instanceManager = standardContext.getClass().getMethod("getInstanceManager").invoke(standardContext);
            method(webSockets.getClass(), "setInstanceManager").invoke(webSockets, instanceManager);
            LOG.info(() -> "WebSocket endpoints are injected by " + instanceManager.getClass().getName());
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Without injection every WebSocket connection would fail: refuse to start rather than serve that.
            throw new IllegalStateException("Cannot enable CDI injection into WebSocket endpoints on this Tomcat", e);
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(owner);
            } catch (NoSuchFieldException notHere) {
                // Declared further up.
            }
        }
        throw new NoSuchFieldException(owner.getClass().getName() + "." + name);
    }

    private static Method method(Class<?> type, String name) throws NoSuchMethodException {
        for (Class<?> declaring = type; declaring != null; declaring = declaring.getSuperclass()) {
            for (Method method : declaring.getDeclaredMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == 1) {
                    method.setAccessible(true);
                    return method;
                }
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name);
    }
}
