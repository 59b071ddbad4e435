package org.owasp.benchmark.testcode;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

@WebServlet(value = "/cases/Cwe328Safe03")
public class Cwe328Safe03 extends HttpServlet {

    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("p");
        java.util.Properties benchmarkprops = new java.util.Properties();
        String algorithm = benchmarkprops.getProperty("hashAlg2", "SHA-256");
        java.security.MessageDigest md = java.security.MessageDigest.getInstance(algorithm);

    }

}
