package org.owasp.benchmark.testcode;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

@WebServlet(value = "/cases/Cwe614Vulnerable04")
public class Cwe614Vulnerable04 extends HttpServlet {

    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("p");
        javax.servlet.http.Cookie c2 = new javax.servlet.http.Cookie("SomeCookie", param);
        c2.setHttpOnly(true);
        response.addCookie(c2);

    }

}
