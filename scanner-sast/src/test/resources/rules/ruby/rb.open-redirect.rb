class UsersController < ApplicationController
  def show
    if params[:a]
      # ruleid: rb.open-redirect
      redirect_to params[:next]
    else
      # ok: rb.open-redirect
      redirect_to root_path
    end
  end
end
