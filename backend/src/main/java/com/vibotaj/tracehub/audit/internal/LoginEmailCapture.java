package com.vibotaj.tracehub.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Notes the e-mail address a login tried, so a failed attempt is recorded against it. It never reads the
 * body itself: it receives the login request after Spring MVC has parsed it for the controller, and keeps
 * only the {@code email} component (never the password).
 */
@ControllerAdvice
class LoginEmailCapture extends RequestBodyAdviceAdapter {

    static final String ATTRIBUTE = LoginEmailCapture.class.getName() + ".email";
    static final String LOGIN_PATH = "/api/auth/login";

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        HttpServletRequest request = currentRequest();
        return request != null && isLogin(request);
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage inputMessage,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        HttpServletRequest request = currentRequest();
        if (request != null && body.getClass().isRecord()) {
            for (RecordComponent component : body.getClass().getRecordComponents()) {
                if ("email".equals(component.getName()) && component.getType() == String.class) {
                    try {
                        // The login request is a controller-private record; its accessor is public in form only.
                        var accessor = component.getAccessor();
                        accessor.setAccessible(true);
                        Object email = accessor.invoke(body);
                        if (email instanceof String value && !value.isBlank()) {
                            request.setAttribute(ATTRIBUTE, value.strip().toLowerCase(java.util.Locale.ROOT));
                        }
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        // Not worth failing a login over: the entry is simply recorded without the address.
                    }
                }
            }
        }
        return body;
    }

    static boolean isLogin(HttpServletRequest request) {
        return LOGIN_PATH.equals(
                request.getRequestURI().substring(request.getContextPath().length()));
    }

    private static @Nullable HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }
}
