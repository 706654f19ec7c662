package nl.waarborg.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import nl.waarborg.input.InvalidInputException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Requests refused for their form rather than their content. Spring Security's firewall refuses paths with
 * {@code //}, {@code ;}, an encoded {@code /} or {@code %00} before any handler runs; here that refusal is a 400
 * problem (Spring Security would answer with a bare 400). A query parameter holding a NUL character or a lone
 * surrogate is a 400 naming the parameter, like the same text in a JSON body (InputJsonChecks).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RequestChecks implements WebMvcConfigurer {

    @Bean
    RequestRejectedHandler requestRejectedProblem() {
        return (request, response, rejected) -> Problems.write(response, HttpStatus.BAD_REQUEST, "Request rejected",
                "the request path or a header holds what this service does not accept: '//', ';', an encoded '/' or '%', "
                        + "a '.' or '..' segment, or a control character");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
                    String nameRefusal = InputJsonChecks.refusal(p.getKey());
                    if (nameRefusal != null) {
                        throw new InvalidInputException("a parameter name " + nameRefusal);
                    }
                    for (String value : p.getValue()) {
                        String refusal = InputJsonChecks.refusal(value);
                        if (refusal != null) {
                            throw new InvalidInputException(p.getKey(), "parameter '" + p.getKey() + "' " + refusal);
                        }
                    }
                }
                return true;
            }
        });
    }
}
