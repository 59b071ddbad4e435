package org.owasp.benchmark.testcode;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

@WebServlet(value = "/cases/Cwe330Safe02")
public class Cwe330Safe02 extends HttpServlet {

    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("p");
        java.util.Random numGen = java.security.SecureRandom.getInstance("SHA1PRNG");
        double rand = numGen.nextGaussian();
        String rememberMeKey = Double.toString(rand).substring(2);

    }

}
