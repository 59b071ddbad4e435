package org.owasp.benchmark.testcode;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

@WebServlet(value = "/cases/Cwe327Safe03")
public class Cwe327Safe03 extends HttpServlet {

    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("p");
        java.util.Properties benchmarkprops = new java.util.Properties();
        String algorithm = benchmarkprops.getProperty("cryptoAlg2", "AES/CCM/NoPadding");
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(algorithm);

    }

}
