package org.owasp.benchmark.testcode;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

@WebServlet(value = "/cases/Cwe79Vulnerable04")
public class Cwe79Vulnerable04 extends HttpServlet {

    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = "";
        java.util.Enumeration<String> headers = request.getHeaders("p");
        if (headers != null && headers.hasMoreElements()) {
            param = headers.nextElement();
        }
        java.util.HashMap<String, Object> map1 = new java.util.HashMap<String, Object>();
        map1.put("keyA", "a_Value");
        map1.put("keyB", param);
        map1.put("keyC", "another_Value");
        String bar = (String) map1.get("keyB");
        response.setHeader("X-XSS-Protection", "0");
        response.getWriter().print(bar);
    }

}
