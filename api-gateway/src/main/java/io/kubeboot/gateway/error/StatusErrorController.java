package io.kubeboot.gateway.error;

import io.kubeboot.common.api.ApiException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's Whitelabel {@code /error} page for failures that never reached a handler (the
 * container's own errors): they become the same Status as everything else, via the advice.
 */
@RestController
class StatusErrorController implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  void error(HttpServletRequest request) throws Exception {
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Exception e) {
      throw e instanceof ApiException api ? api : e;
    }
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer value ? value : 500;
    if (status == 404) {
      throw ApiErrors.pathNotFound();
    }
    HttpStatus known = HttpStatus.resolve(status);
    throw ApiErrors.of(status, known == null ? "error " + status : known.getReasonPhrase());
  }
}
