package com.vibotaj.tracehub.audit.internal;

import com.vibotaj.tracehub.platform.CurrentActor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs right after Spring Security and notes the authenticated caller on the request, where the outer
 * {@link AuditCaptureFilter} finds it once the response is complete (by then Spring Security has already
 * cleared its context).
 */
class ActorCaptureFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken) {
            try {
                CurrentActor actor = CurrentActor.require();
                request.setAttribute(
                        RequestActor.ATTRIBUTE, new RequestActor(actor.userId(), actor.organizationId(), null));
            } catch (IllegalStateException e) {
                // A token without our claims: the request is treated as anonymous.
            }
        }
        chain.doFilter(request, response);
    }
}
