class UsersController < ApplicationController
  def show
    host = params[:host]
    # ruleid: rb.command-injection
    system("ping -c 1 #{host}")
    # ok: rb.command-injection
    system("ping", "-c", "1", host)
  end
end
