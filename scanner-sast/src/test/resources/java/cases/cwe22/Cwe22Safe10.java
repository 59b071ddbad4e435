package org.owasp.benchmark.testcode;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

@WebServlet(value = "/cases/Cwe22Safe10")
public class Cwe22Safe10 extends HttpServlet {

    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = "";
        java.util.Enumeration<String> headers = request.getHeaders("p");
        if (headers != null && headers.hasMoreElements()) {
            param = headers.nextElement();
        }
        org.owasp.benchmark.helpers.SeparateClassRequest scr2 = new org.owasp.benchmark.helpers.SeparateClassRequest(request);
        String bar = scr2.getTheValue("p");
        java.io.File fileTarget = new java.io.File(org.owasp.benchmark.helpers.Utils.TESTFILES_DIR, bar);
        response.getWriter().println(fileTarget.exists());
    }

}
