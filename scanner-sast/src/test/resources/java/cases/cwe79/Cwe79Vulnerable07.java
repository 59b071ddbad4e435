package org.owasp.benchmark.testcode;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

@WebServlet(value = "/cases/Cwe79Vulnerable07")
public class Cwe79Vulnerable07 extends HttpServlet {

    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        org.owasp.benchmark.helpers.SeparateClassRequest scr = new org.owasp.benchmark.helpers.SeparateClassRequest(request);
        String param = scr.getTheParameter("p");
        String bar;
        int num = 106;
        if ((7 * 42) - num > 200) bar = "This_should_always_happen";
        else bar = param;
        bar = bar + "";
        response.setHeader("X-XSS-Protection", "0");
        response.getWriter().print(bar);
    }

}
