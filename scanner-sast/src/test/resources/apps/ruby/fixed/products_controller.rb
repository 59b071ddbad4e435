require 'net/http'
require 'digest'

class ProductsController < ApplicationController
  PREVIEW_SITES = { 'docs' => 'https://docs.example.com/' }.freeze

  def index
    @products = Product.where(name: params[:name])
  end

  def ping
    out, _status = Open3.capture2('ping', '-c', '1', params[:host].to_s)
    render plain: out
  end

  def hello
    @name = params[:name]
    render :hello
  end

  def download
    send_file Rails.root.join('files', File.basename(params[:file]))
  end

  def preview
    body = Net::HTTP.get(URI(PREVIEW_SITES.fetch('docs')))
    render json: { length: body.length }
  end

  def login_done
    redirect_to account_path
  end

  def prefs
    @prefs = JSON.parse(Base64.decode64(cookies[:prefs]))
  end

  def etag(body)
    Digest::SHA256.hexdigest(body)
  end
end
