package org.owasp.benchmark.testcode;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

@WebServlet(value = "/cases/Cwe330Vulnerable07")
public class Cwe330Vulnerable07 extends HttpServlet {

    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("p");
        java.util.Random numGen = new java.util.Random();
        byte[] randomBytes = new byte[40];
        getNextNumber(numGen, randomBytes);
        String rememberMeKey = java.util.Base64.getEncoder().encodeToString(randomBytes);
    }

    void getNextNumber(java.util.Random generator, byte[] barray) {
        generator.nextBytes(barray);

    }

}
