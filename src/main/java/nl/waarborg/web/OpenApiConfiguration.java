package nl.waarborg.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.access.Caller;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.http.server.RequestPath;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The OpenAPI document served at /api/v1/openapi.json. Who may call an operation is not written twice: each
 * operation's security requirement is read from the access rules that run (SecurityConfiguration's
 * authorization manager, asked for that method and path as an anonymous caller, as staff and as an
 * application), so the document cannot drift from what the service enforces. Public operations say so with an
 * empty requirement; generated clients send the staff token or the API key where one is needed.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String STAFF_TOKEN = "staffToken";
    static final String API_KEY = "apiKey";

    @Bean
    OpenAPI waarborgOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Waarborg API").version("v1")
                        .description("The privacy policy in force, the statement and the Art. 30 register derived from it, "
                                + "the vault, consent, restraints, retention and the hash-chained audit log. "
                                + "Staff send 'Authorization: Bearer <staff token>', applications 'Authorization: Bearer "
                                + "<API key>'; errors are application/problem+json (RFC 9457)."))
                .components(new Components()
                        .addSecuritySchemes(STAFF_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("The staff token the first start writes to data/staff-token (role DPO)."))
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An application's API key (`waarborg keys create`); what it may do within "
                                        + "an operation is decided by its role and purposes.")));
    }

    @Bean
    OpenApiCustomizer securityRequirementsFromTheAccessRules(ObjectProvider<SecurityFilterChain> chains) {
        return openApi -> {
            AuthorizationManager<HttpServletRequest> rules = chains.orderedStream()
                    .flatMap(c -> c.getFilters().stream())
                    .filter(AuthorizationFilter.class::isInstance).map(f -> ((AuthorizationFilter) f).getAuthorizationManager())
                    .findFirst().orElse(null);
            if (rules == null || openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                operation.setSecurity(requirements(rules, method, path));
                if (operation.getResponses() != null && operation.getResponses().keySet().stream().noneMatch(c -> c.startsWith("4"))) {
                    operation.getResponses().addApiResponse("4XX", REFUSED);
                }
            }));
        };
    }

    /** What every operation may answer when it refuses a call: a problem (RFC 9457). */
    private static final ApiResponse REFUSED = new ApiResponse()
            .description("Refused: bad input (400), no or a wrong token (401), not this role or purpose (403), no such "
                    + "thing (404), a conflict (409), too large (413), refused by the policy (422)")
            .content(new Content().addMediaType("application/problem+json", new MediaType().schema(new ObjectSchema()
                    .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                    .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
                    .addProperty("instance", new StringSchema()))));

    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("openapi", "anonymous",
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private static Authentication as(String role) {
        return UsernamePasswordAuthenticationToken.authenticated(
                new Caller("openapi", role.toLowerCase(java.util.Locale.ROOT), List.of(), SecurityConfiguration.STAFF.equals(role)),
                null, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
    }

    static List<SecurityRequirement> requirements(AuthorizationManager<HttpServletRequest> rules, PathItem.HttpMethod method,
                                                  String path) {
        HttpServletRequest request = request(method.name(), path.replaceAll("\\{[^}/]+}", "x"));
        if (granted(rules, ANONYMOUS, request)) {
            return List.of(); // public: an empty requirement, said explicitly
        }
        List<SecurityRequirement> any = new ArrayList<>();
        if (granted(rules, as(SecurityConfiguration.STAFF), request)) {
            any.add(new SecurityRequirement().addList(STAFF_TOKEN));
        }
        if (granted(rules, as(SecurityConfiguration.APP), request)) {
            any.add(new SecurityRequirement().addList(API_KEY));
        }
        // nobody may call it: an endpoint without an access rule (denied to all). No requirement is declared, so
        // the linter (OpenApiLintTest) names it rather than the document calling it public
        return any.isEmpty() ? null : any;
    }

    private static boolean granted(AuthorizationManager<HttpServletRequest> rules, Authentication who, HttpServletRequest request) {
        AuthorizationResult result = rules.authorize(() -> who, request);
        return result != null && result.isGranted();
    }

    /** Just enough of a request for the path matchers of the access rules: method, path and attributes. */
    private static HttpServletRequest request(String method, String path) {
        Map<String, Object> attributes = new HashMap<>();
        // the path as the matchers read it, parsed already (the proxy has no servlet mapping to parse it from)
        attributes.put(ServletRequestPathUtils.PATH_ATTRIBUTE, RequestPath.parse(path, ""));
        return (HttpServletRequest) Proxy.newProxyInstance(OpenApiConfiguration.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI", "getServletPath" -> path;
                    case "getRequestURL" -> new StringBuffer("http://localhost").append(path);
                    case "getContextPath" -> "";
                    case "getDispatcherType" -> DispatcherType.REQUEST;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "getParameterMap" -> Map.of();
                    case "getHeaderNames", "getAttributeNames", "getParameterNames" -> java.util.Collections.emptyEnumeration();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> method + " " + path;
                    default -> m.getReturnType() == boolean.class ? false : m.getReturnType() == int.class ? 0
                            : m.getReturnType() == long.class ? 0L : null;
                });
    }

}
