package org.owasp.benchmark.testcode;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

@WebServlet(value = "/cases/Cwe79Safe04")
public class Cwe79Safe04 extends HttpServlet {

    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = "";
        java.util.Map<String, String[]> map = request.getParameterMap();
        if (map != null) {
            String[] values = map.get("p");
            if (values != null) param = values[0];
        }
        int num = 106;
        String bar = (7 * 18) + num > 200 ? "This_should_always_happen" : param;
        response.setHeader("X-XSS-Protection", "0");
        response.getWriter().print(bar);
    }

}
